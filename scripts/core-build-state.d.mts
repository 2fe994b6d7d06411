export declare const ROOT: string;
export declare const SOURCES: string[];
export declare const OUT: string;
export declare const ENTRIES: { cli: string; host: string; worker: string };
export declare function newestMtime(dir: string): number;
export declare function newestSource(root?: string): number;
export declare function coreBuildFresh(root?: string): boolean;
export declare function nodeArgs(entry: 'cli' | 'host' | 'worker', root?: string): string[];
