// Kept for the pages that still import the API client from here; the client lives in /assets/shared/api.js.
export { createApi, fieldErrors } from '/assets/shared/api.js';
