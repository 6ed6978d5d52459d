// The product's icon for browser tabs and bookmarks: the console, the help pages and a bare visit to the server
// ask for /favicon.ico; answering 404 filled logs and showed a blank tab. One small SVG, served for both names.
import type { RequestHandler } from 'express';

/** A speech bubble with a check mark, in the console's accent colour; readable at 16 px. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<path fill="#2457c5" d="M6 4h20a4 4 0 0 1 4 4v12a4 4 0 0 1-4 4H14l-7 6v-6H6a4 4 0 0 1-4-4V8a4 4 0 0 1 4-4z"/>' +
  '<path fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" d="M10 14l4 4 8-8"/>' +
  '</svg>';

export const FAVICON_PATHS = ['/favicon.ico', '/favicon.svg'];

export const favicon: RequestHandler = (_req, res) => {
  // Browsers render an SVG icon by its type whatever the name; a day's caching keeps tabs from asking again.
  res.setHeader('Cache-Control', 'public, max-age=86400');
  res.type('image/svg+xml').send(FAVICON_SVG);
};
