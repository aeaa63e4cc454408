/** Addresses and sizes of the server-drawn maps (the search results' map, an institution's map). */
import type { Language } from '../../../../platform/contract/common.ts';
import { publicPaths } from '../paths.ts';

/** Drawing size in SVG units; the image scales to its container. */
export const MAP_SIZE = { width: 800, height: 760 } as const;
export const POINT_MAP_SIZE = { width: 480, height: 400 } as const;

export const institutionMapUrl = (id: string, lang: Language): string =>
  `${publicPaths.map}?institution=${id}${lang === 'fr' ? '&lang=fr' : ''}`;
