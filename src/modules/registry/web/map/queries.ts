/** Data of the map page: aggregates and points from the API, boundaries from the bundled TopoJSON. */
import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../../platform/web/index.ts';
import { MapAreas, MapPoints, type MapFilters } from '../../contract/map.ts';
import type { Level } from './constants.ts';
import { loadShapes } from './geo.ts';

export const useMapAreas = (level: Level, filters: MapFilters) =>
  useQuery({
    queryKey: ['registry', 'map', level, filters],
    queryFn: () => api.get(withQuery(`/api/institutions/map/${level === 'region' ? 'regions' : 'provinces'}`, filters), MapAreas),
  });

export const useMapPoints = (filters: MapFilters, enabled: boolean) =>
  useQuery({
    queryKey: ['registry', 'map', 'points', filters],
    queryFn: () => api.get(withQuery('/api/institutions/map/points', filters), MapPoints),
    enabled,
  });

export const useShapes = (level: Level) =>
  useQuery({ queryKey: ['registry', 'map', 'shapes', level], queryFn: () => loadShapes(level), staleTime: Infinity, gcTime: Infinity });
