/** The sandbox's ready line (API.md §1), also served at `GET /sandbox/info`. */

/** Everything a client needs to point at a running sandbox. */
export interface SandboxInfo {
  url: string;
  /** Path of the CA certificate (PEM) the client must trust. */
  ca: string;
  sched: { base_url: string; api_key: string };
  google: {
    root_url: string;
    auth_url: string;
    token_url: string;
    client_id: string;
    client_secret: string;
    users: string[];
  };
  microsoft: { graph_url: string; authority: string; client_id: string; users: string[] };
}
