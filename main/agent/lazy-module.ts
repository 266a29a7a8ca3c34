/**
 * Modules loaded on first use. Live mode's start needs none of the Google or Microsoft clients (google-auth-library,
 * @googleapis/calendar, msal-node, the Graph client: about half a second and 40 MB at start), so they load when an
 * account of that service is first opened or signed in.
 */

/** `load` run once, on the first call, and its result kept; a load that failed is tried again on the next call. */
export function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
