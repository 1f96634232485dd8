/** Written into dist at build time by `scripts/embed-data.mjs` from `data/`, for browsers. */
export declare const modelBrotliBase64: string;
