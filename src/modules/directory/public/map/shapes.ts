/**
 * Morocco's boundaries from the `morocco-map` package (TopoJSON, regions MA-01…MA-12, provinces by
 * their ISO 3166-2 code), projected on the server. Each view (the country's regions, one region's
 * provinces, one province) is projected once and kept as ready SVG path text: rounded to one
 * decimal and thinned to points at least 1.5 units apart, so that the whole country weighs tens
 * of kilobytes instead of the source's hundreds.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { geoMercator, geoPath, type GeoProjection, type GeoStream } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

type Shape = Feature<Geometry, Record<string, unknown>> & { id: string };

export interface View {
  projection: GeoProjection;
  /** One `<path>` element per area, ready to insert. */
  paths: string;
}

const MARGIN = 8;
/** Points closer than this (in SVG units) to the previous kept point are dropped. */
const TOLERANCE = 1.5;

function loadShapes(file: 'regions' | 'provinces'): Map<string, Shape> {
  const path = createRequire(import.meta.url).resolve(`morocco-map/data/${file}.json`);
  const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology<Record<string, GeometryCollection>>;
  const collection = feature(topology, topology.objects[file]!) as FeatureCollection<Geometry, Record<string, unknown>>;
  return new Map(collection.features.filter((f): f is Shape => typeof f.id === 'string').map((f) => [f.id, f]));
}

let shapes: { regions: Map<string, Shape>; provinces: Map<string, Shape> } | null = null;
const allShapes = () => (shapes ??= { regions: loadShapes('regions'), provinces: loadShapes('provinces') });

/** A stream step that drops points too close to the last one kept (each line keeps its ends). */
function thin(output: GeoStream): GeoStream {
  let inLine = false;
  let first = true;
  let lastX = 0;
  let lastY = 0;
  let pending: [number, number] | null = null;
  return {
    point(x, y) {
      if (!inLine || first || (x - lastX) ** 2 + (y - lastY) ** 2 >= TOLERANCE ** 2) {
        output.point(x, y);
        [lastX, lastY, first, pending] = [x, y, false, null];
      } else pending = [x, y];
    },
    lineStart() {
      [inLine, first, pending] = [true, true, null];
      output.lineStart();
    },
    lineEnd() {
      if (pending) output.point(pending[0], pending[1]);
      inLine = false;
      output.lineEnd();
    },
    polygonStart: () => output.polygonStart(),
    polygonEnd: () => output.polygonEnd(),
    sphere: () => output.sphere?.(),
  };
}

function project(areas: Shape[], size: { width: number; height: number }): View {
  const projection = geoMercator().fitExtent(
    [[MARGIN, MARGIN], [size.width - MARGIN, size.height - MARGIN]],
    { type: 'FeatureCollection', features: areas },
  );
  const draw = geoPath({ stream: (output: GeoStream) => projection.stream(thin(output)) }).digits(1);
  const paths = areas.map((area) => `<path d="${draw(area) ?? ''}"/>`).join('');
  return { projection, paths };
}

const views = new Map<string, View>();

/**
 * The view of some areas: `regions` (all of Morocco), or the provinces given by ISO code (a
 * region's, or one). Unknown codes are skipped; an empty list falls back to the whole country.
 */
export function viewOf(kind: 'country' | 'provinces', isoCodes: string[], size: { width: number; height: number }): View {
  const key = `${kind}|${isoCodes.join(',')}|${size.width}x${size.height}`;
  let view = views.get(key);
  if (!view) {
    const { regions, provinces } = allShapes();
    const chosen = kind === 'provinces' ? isoCodes.map((iso) => provinces.get(iso)).filter((s): s is Shape => s !== undefined) : [];
    view = project(chosen.length > 0 ? chosen : [...regions.values()], size);
    views.set(key, view);
  }
  return view;
}
