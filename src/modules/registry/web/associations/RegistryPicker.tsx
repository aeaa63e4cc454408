/**
 * Picks an association or an institution by typing part of its name (Arabic or Latin letters),
 * searched by the API under the user's scope: the user form uses it to place accounts at
 * association or institution level, and any form that needs a founder can use it.
 */
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, nameIn, withQuery } from '../../../../platform/web/index.ts';

const Named = z.object({ id: z.string(), nameAr: z.string(), nameFr: z.string() });
const NamedPage = z.object({ items: z.array(Named), nextCursor: z.string().nullable() });

const endpoints = { association: '/api/associations', institution: '/api/institutions' } as const;
/** Every option is a server match: the browser must not filter them again (folded names differ from typed text). */
const serverFiltered = ({ options }: { options: unknown[] }) => options as never;

export interface RegistryPickerProps {
  kind: keyof typeof endpoints;
  value: string | null;
  onChange: (id: string | null) => void;
  /** The chosen record's name, when it is not among the options loaded (an account being edited). */
  initialName?: { nameAr: string; nameFr: string };
  label?: string;
  placeholder?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  testId?: string;
}

export function RegistryPicker({ kind, value, onChange, initialName, label, placeholder, error, required, disabled, testId }: RegistryPickerProps) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<{ id: string; nameAr: string; nameFr: string } | null>(value && initialName ? { id: value, ...initialName } : null);
  const query = useQuery({
    queryKey: ['registry', 'picker', kind, q],
    queryFn: () => api.get(withQuery(endpoints[kind], { q: q || undefined, limit: 30 }), NamedPage),
    enabled: !disabled,
    staleTime: 30_000,
  });
  const items = query.data?.items ?? [];
  const options = [...(chosen && !items.some((i) => i.id === chosen.id) ? [chosen] : []), ...items].map((i) => ({ value: i.id, label: nameIn(i, lang) }));
  return (
    <Select
      label={label ?? t(kind === 'association' ? 'users.association' : 'users.institution')}
      placeholder={placeholder ?? t(kind === 'association' ? 'users.associationSearch' : 'users.institutionSearch')}
      searchable
      required={required}
      disabled={disabled}
      data={options}
      filter={serverFiltered}
      value={value}
      onChange={(id) => {
        const item = items.find((i) => i.id === id) ?? (chosen?.id === id ? chosen : null);
        setChosen(item);
        onChange(id);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={query.isFetching ? undefined : t('associations.noMatch')}
      error={error}
      data-testid={testId}
    />
  );
}
