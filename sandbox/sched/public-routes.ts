/** The pages a resource's `image_url` and `booking_url` point at, so a person clicking them sees something. */
import type { Route } from '../core/types';
import type { Resource, SchedState } from './model';

const COLOURS = ['#2563eb', '#059669', '#d97706', '#7c3aed', '#dc2626'];

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function bySlug(state: SchedState, path: string): Resource | undefined {
  return state.resources.find(
    (resource) => resource.image_url.endsWith(path) || resource.booking_url.endsWith(path),
  );
}

/** `GET /images/:file` (an SVG badge) and `GET /book/:slug` (a plain booking page). No API key needed. */
export function publicRoutes(state: () => SchedState): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/images/:file',
      handler: (req) => {
        const resource = bySlug(state(), `/images/${req.params.file}`);
        if (!resource)
          return { status: 404, body: { error: { code: 'not_found', message: 'No such image.' } } };
        const colour = COLOURS[state().resources.indexOf(resource) % COLOURS.length];
        const initials = resource.name
          .split(/\s+/)
          .filter((word) => /^[A-Z0-9]/i.test(word))
          .slice(0, 2)
          .map((word) => word[0])
          .join('');
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128"><rect width="128" height="128" rx="16" fill="${colour}"/><text x="64" y="78" font-family="sans-serif" font-size="44" fill="#fff" text-anchor="middle">${escape(initials)}</text></svg>`;
        return { status: 200, headers: { 'content-type': 'image/svg+xml' }, body: svg };
      },
    },
    {
      method: 'GET',
      pattern: '/book/:slug',
      handler: (req) => {
        const resource = bySlug(state(), `/book/${req.params.slug}`);
        if (!resource)
          return { status: 404, body: { error: { code: 'not_found', message: 'No such resource.' } } };
        const html = `<!doctype html><meta charset="utf-8"><title>Book ${escape(resource.name)}</title><h1>${escape(resource.name)}</h1><p>${escape(resource.description)}</p><p>Time zone: ${escape(resource.timezone)}. This is the Sched Sync sandbox: book through the API.</p>`;
        return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
      },
    },
  ];
}
