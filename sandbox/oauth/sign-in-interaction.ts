/**
 * The interaction routes oidc-provider sends the browser to (`<issuer>/interaction/:uid`): GET shows the
 * sign-in page, POST signs the person in and grants the requested scopes in one step (login + consent),
 * or answers `access_denied` to the app when they press Deny.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionDetails } from 'oidc-provider';
import { SIDE_SCOPES, displayNameOf, mountPathOf, type OAuthSide } from './issuers';
import { readForm, sendHtml } from './http-util';
import { renderErrorPage, renderSignInPage } from './sign-in-page';

/** What the interaction routes need to know about their issuer. */
export interface InteractionContext {
  side: OAuthSide;
  provider: Provider;
  users: string[];
}

/** Serves GET/POST `<issuer>/interaction/:uid`. */
export async function handleInteraction(
  context: InteractionContext,
  uid: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await findDetails(context.provider, uid, req, res);
  if (!details) return;

  if (req.method === 'GET') {
    sendHtml(res, 200, signInPage(context, details));
    return;
  }
  if (req.method !== 'POST') {
    sendHtml(res, 405, renderErrorPage('method_not_allowed', 'Use the sign-in form.'));
    return;
  }

  const form = await readForm(req);
  if (form.get('decision') === 'deny') {
    await context.provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'The person denied access to their calendar.' },
      { mergeWithLastSubmission: false },
    );
    return;
  }

  const email = (form.get('email') ?? '').trim().toLowerCase();
  if (!context.users.includes(email)) {
    const error = email
      ? `${email} is not an account of this sandbox. Use one of: ${context.users.join(', ')}.`
      : `Enter the e-mail of a sandbox account: ${context.users.join(', ')}.`;
    sendHtml(res, 400, signInPage(context, details, email, error));
    return;
  }

  const grantId = await grantRequestedScopes(context, details, email);
  await context.provider.interactionFinished(req, res, {
    login: { accountId: email },
    consent: { grantId },
  });
}

async function findDetails(
  provider: Provider,
  uid: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<InteractionDetails | undefined> {
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.uid === uid) return details;
  } catch {
    // Missing or expired interaction cookie: fall through to the same readable page.
  }
  sendHtml(
    res,
    400,
    renderErrorPage(
      'invalid_request',
      'This sign-in has expired or was opened in another browser. Start signing in again from the app.',
    ),
  );
  return undefined;
}

function requestedScopes(side: OAuthSide, details: InteractionDetails): string[] {
  const scope = typeof details.params.scope === 'string' ? details.params.scope : '';
  const known = new Set(SIDE_SCOPES[side]);
  return scope.split(' ').filter((name) => known.has(name));
}

function signInPage(
  context: InteractionContext,
  details: InteractionDetails,
  email?: string,
  error?: string,
): string {
  return renderSignInPage({
    providerName: displayNameOf(context.side),
    clientName: String(details.params.client_id ?? 'An app'),
    action: `${mountPathOf(context.side)}/interaction/${details.uid}`,
    scopes: requestedScopes(context.side, details),
    users: context.users,
    email: email ?? (typeof details.params.login_hint === 'string' ? details.params.login_hint : undefined),
    error,
  });
}

/** Reuses the session's grant when it is the same person's, otherwise starts a new one. */
async function grantRequestedScopes(
  context: InteractionContext,
  details: InteractionDetails,
  email: string,
): Promise<string> {
  const { Grant } = context.provider;
  const existing = details.grantId ? await Grant.find(details.grantId) : undefined;
  const grant =
    existing && existing.accountId === email
      ? existing
      : new Grant({ accountId: email, clientId: String(details.params.client_id) });
  grant.addOIDCScope(requestedScopes(context.side, details).join(' '));
  return grant.save();
}
