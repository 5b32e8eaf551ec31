// Line splitting that agrees with both VS Code and markdown-it: each treats "\r\n", "\r" and "\n"
// as one line break, so line numbers from the parser are editor line numbers.
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
