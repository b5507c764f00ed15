/** Options for every Node process that runs Fördela (see node-options.mjs). */
export declare const NODE_OPTIONS: readonly string[];
