/** Test ids, paths and drawing constants of the map page (no visible text: that is in the catalogs). */
export const mapTid = {
  page: 'registry-map',
  svg: 'registry-map-svg',
  area: (iso: string) => `map-area-${iso}`,
  cluster: 'map-cluster',
  point: 'map-point',
  legend: 'map-legend',
  table: 'map-table',
  level: 'map-level',
  metric: 'map-metric',
  category: 'map-category',
  status: 'map-status',
  area2: 'map-area-filter',
  points: 'map-points',
  back: 'map-back',
  select: (iso: string) => `map-select-${iso}`,
} as const;

export const mapPath = { map: '/registry/map', import: '/registry/import' } as const;

export const levels = ['region', 'province'] as const;
export type Level = (typeof levels)[number];
export const metrics = ['count', 'capacity'] as const;
export type Metric = (typeof metrics)[number];

/** Drawing size in SVG units (the SVG scales to its container). */
export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 760;

/** Five sequential classes (light to dark blue, each readable against the next) and "none". */
export const classColours = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
export const zeroColour = '#f1f3f5';
export const strokeColour = '#495057';
export const clusterColour = '#d9480f';
export const svgAttr = { button: 'button', group: 'group', middle: 'middle', central: 'central', white: '#ffffff', full: '100%', compactSm: 'compact-sm' } as const;
