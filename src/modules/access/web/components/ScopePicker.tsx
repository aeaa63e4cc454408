/**
 * Where an account sits: the level allowed by the role (at or below the administrator's own
 * scope), then the region or the delegation from the territory lists, or the association or
 * institution searched by name in the registry; the nation needs no id.
 */
import { useState } from 'react';
import { Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, fieldMessage, nameIn, useCurrentUser, withQuery, ui } from '../../../../platform/web/index.ts';
import { DelegationPage, Region } from '../../../territory/contract.ts';
import { RegistryPicker } from '../../../registry/web/associations/RegistryPicker.tsx';
import type { ScopeTarget } from '../../contract.ts';
import { roleScopeLevels, scopeDepth, type Role, type ScopeLevel } from '../../permissions.ts';
import { tid } from '../constants.ts';

/** Levels the picker can fill from the lists the API offers. */
const PICKABLE: readonly ScopeLevel[] = ['nation', 'region', 'delegation', 'association', 'institution'];
const REGION: ScopeLevel = 'region';
const DELEGATION: ScopeLevel = 'delegation';
const RegionList = z.object({ items: z.array(Region) });

export function allowedLevels(role: Role | undefined, adminLevel: ScopeLevel): ScopeLevel[] {
  if (!role) return [];
  return roleScopeLevels[role].filter((l) => PICKABLE.includes(l) && scopeDepth(l) >= scopeDepth(adminLevel));
}

interface Props {
  role: Role | undefined;
  value: ScopeTarget;
  onChange: (v: ScopeTarget) => void;
  initialRegionId?: string | null;
  /** Name of the account's association or institution (editing), shown before any search. */
  initialName?: { nameAr: string; nameFr: string };
  levelError?: string;
  idError?: string;
  disabled?: boolean;
}

export function ScopePicker({ role, value, onChange, initialRegionId, initialName, levelError, idError, disabled }: Props) {
  const { t, i18n } = useTranslation(['access', 'web']);
  const lang = i18n.language;
  const me = useCurrentUser();
  const levels = allowedLevels(role, me.scope.level);
  const [regionFilter, setRegionFilter] = useState<string | null>(initialRegionId ?? me.scope.regionId);

  const regions = useQuery({
    queryKey: ['territory', 'regions'],
    queryFn: () => api.get('/api/territory/regions', RegionList),
    enabled: me.scope.level === 'nation' && (value.level === 'region' || value.level === 'delegation'),
    staleTime: 5 * 60_000,
  });
  const delegationRegion = me.scope.level === 'nation' ? regionFilter : me.scope.regionId;
  const delegations = useQuery({
    queryKey: ['organisation', 'delegations', 'picker', delegationRegion],
    queryFn: () => api.get(withQuery('/api/organisation/delegations', { region: delegationRegion, limit: 200 }), DelegationPage),
    enabled: value.level === 'delegation' && me.scope.level !== 'delegation' && Boolean(delegationRegion),
  });

  const ownRegion = me.scope.regionId ? [{ value: me.scope.regionId, label: me.scope.level === 'region' ? nameIn(me.scope, lang) : me.scope.regionId }] : [];
  const regionOptions = me.scope.level === 'nation' ? (regions.data?.items ?? []).map((r) => ({ value: r.id, label: nameIn(r, lang) })) : ownRegion;
  const delegationOptions =
    me.scope.level === 'delegation' && me.scope.delegationId
      ? [{ value: me.scope.delegationId, label: nameIn(me.scope, lang) }]
      : (delegations.data?.items ?? []).map((d) => ({ value: d.id, label: nameIn(d, lang) }));

  return (
    <Stack gap={ui.md}>
      <Select
        label={t('form.scopeLevel')}
        required
        disabled={disabled || levels.length === 0}
        data={levels.map((l) => ({ value: l, label: t(`web:scopeLevels.${l}`) }))}
        value={levels.includes(value.level) ? value.level : null}
        onChange={(l) => {
          const level = (l ?? value.level) as ScopeLevel;
          const id = level === 'region' && me.scope.level === 'region' ? me.scope.regionId : level === 'delegation' && me.scope.level === 'delegation' ? me.scope.delegationId : null;
          onChange({ level, id });
        }}
        error={fieldMessage(levelError)}
        allowDeselect={false}
        data-testid={tid.scopeLevel}
      />
      {value.level === 'nation' && <Text size={ui.sm}>{t('form.nationScope')}</Text>}
      {value.level === 'region' && (
        <Select
          label={t('form.region')}
          required
          searchable
          disabled={disabled}
          data={regionOptions}
          value={value.id}
          onChange={(id) => onChange({ level: REGION, id })}
          error={fieldMessage(idError)}
          data-testid={tid.scopeRegion}
        />
      )}
      {value.level === 'delegation' && (
        <>
          {me.scope.level === 'nation' && (
            <Select
              label={t('form.regionFilter')}
              searchable
              disabled={disabled}
              data={regionOptions}
              value={regionFilter}
              onChange={(r) => {
                setRegionFilter(r);
                onChange({ level: DELEGATION, id: null });
              }}
              data-testid={tid.scopeDelegationRegion}
            />
          )}
          <Select
            label={t('form.delegation')}
            required
            searchable
            disabled={disabled || (me.scope.level === 'nation' && !regionFilter)}
            data={delegationOptions}
            value={value.id}
            onChange={(id) => onChange({ level: DELEGATION, id })}
            error={fieldMessage(idError)}
            data-testid={tid.scopeDelegation}
          />
        </>
      )}
      {(value.level === 'association' || value.level === 'institution') && (
        <RegistryPicker
          key={value.level}
          kind={value.level}
          required
          disabled={disabled}
          value={value.id}
          onChange={(id) => onChange({ level: value.level, id })}
          initialName={initialName}
          error={fieldMessage(idError)}
          testId={tid.scopeRegistry}
        />
      )}
    </Stack>
  );
}
