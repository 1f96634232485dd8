/**
 * The Node facilities the pipeline uses. A browser bundle gets `platform.browser.js` instead
 * (the `browser` map in package.json): no `node:` import there.
 */
export { setMaxListeners } from "node:events";
export { Duplex } from "node:stream";
