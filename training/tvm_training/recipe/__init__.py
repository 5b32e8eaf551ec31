"""The TVM recipe for any Transformers causal LM (training/tvm_recipe.py, issue 16 part 4): sample
N_tr paths per problem from a pretrained policy, grade them, label every token with the paper's
prefix-trie value, fine-tune a value model from the policy's weights, evaluate best-of-N against
majority vote, and export policy + TVM as a folder the engine loads (training/README.md, "The TVM
recipe for any Transformers causal LM")."""
