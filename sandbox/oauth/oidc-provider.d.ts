/**
 * The part of oidc-provider 9 the sandbox uses. The package ships no types and @types/oidc-provider is
 * not installed, so these describe only what `sandbox/oauth/` calls (see node_modules/oidc-provider/lib).
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** What oidc-provider stores per artifact; opaque to the adapter apart from these index fields. */
  export interface AdapterPayload {
    [key: string]: unknown;
    grantId?: string;
    accountId?: string;
    uid?: string;
    userCode?: string;
    consumed?: number;
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  /** Configuration is validated by oidc-provider itself; kept loose here on purpose. */
  export type Configuration = Record<string, unknown>;

  export interface ClientInstance {
    clientId: string;
    redirectUriAllowed(uri: string): boolean;
  }

  export interface ClientClass {
    find(id: string): Promise<ClientInstance | undefined>;
    prototype: ClientInstance;
  }

  export interface GrantInstance {
    jti: string;
    accountId?: string;
    clientId?: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    getOIDCScope(): string;
    save(ttl?: number): Promise<string>;
    destroy(): Promise<void>;
  }

  export interface GrantClass {
    new (properties: { accountId: string; clientId: string }): GrantInstance;
    find(id: string): Promise<GrantInstance | undefined>;
  }

  export interface TokenInstance {
    jti: string;
    accountId: string;
    clientId: string;
    grantId: string;
    scope?: string;
    exp: number;
    isExpired: boolean;
    save(): Promise<string>;
    destroy(): Promise<void>;
  }

  export interface TokenProperties {
    accountId: string;
    client: ClientInstance;
    grantId: string;
    gty: string;
    scope: string;
    expiresIn?: number;
    expiresWithSession?: boolean;
  }

  export interface TokenClass {
    new (properties: TokenProperties): TokenInstance;
    find(id: string, options?: { ignoreExpiration?: boolean }): Promise<TokenInstance | undefined>;
  }

  export interface InteractionDetails {
    uid: string;
    returnTo: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown>;
    session?: { accountId?: string };
    grantId?: string;
  }

  export interface InteractionResult {
    [key: string]: unknown;
  }

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    readonly Client: ClientClass;
    readonly Grant: GrantClass;
    readonly AccessToken: TokenClass;
    readonly RefreshToken: TokenClass;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResult,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export default Provider;
}
