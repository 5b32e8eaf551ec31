// Types for stage.mjs (used by test/extension/vsixContents.test.ts).
export declare const ORT_PLATFORMS: Readonly<Record<string, string>>;
export declare function defaultTarget(): string;
export declare function isRuntimeBinary(name: string): boolean;
export declare function listFiles(dir: string): string[];
export declare function stageVsix(options: { root: string; stage: string; target: string; bundleDir?: string }): string[];
