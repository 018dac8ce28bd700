import { useEffect, useState } from 'react';

/**
 * Hash routes (`#/rules/us.ear.ac.license.d-groups`): the server serves one index.html for the
 * app, and links, reloads and the back button work without server-side routing.
 */
export interface Route {
  page: string;
  param?: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [path = '', qs = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page = '', ...rest] = path.split('/');
  const param = rest.length ? decodeURIComponent(rest.join('/')) : undefined;
  return { page: page || 'check', ...(param ? { param } : {}), query: new URLSearchParams(qs) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function href(page: string, param?: string): string {
  return `#/${page}${param ? `/${encodeURIComponent(param)}` : ''}`;
}
