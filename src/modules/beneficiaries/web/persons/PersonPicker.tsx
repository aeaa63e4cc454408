/**
 * Picks a person by typing part of a name (Arabic or Latin letters), a CNIE, an IDCS or a phone,
 * searched by `GET /api/persons` under the user's scope. Other parts use it (case files, admissions,
 * merges). Options show the name in the interface's script, the birth date and the CNIE.
 */
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../../../platform/web/index.ts';
import { PersonPage, type PersonListItem } from '../../contract/persons.ts';
import type { PersonSummary } from '../../contract/common.ts';
import { tid } from './constants.ts';
import { personName } from './names.ts';

/** Every option is a server match: the browser must not filter them again (folded names differ from typed text). */
const serverFiltered = ({ options }: { options: unknown[] }) => options as never;

export interface PersonPickerProps {
  value: string | null;
  onChange: (id: string | null, person: PersonSummary | null) => void;
  /** The chosen person, when it is not among the options loaded (a record being edited). */
  initial?: PersonSummary;
  /** Only persons admitted to or held by this institution. */
  institutionId?: string;
  label?: string;
  placeholder?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  testId?: string;
}

export function PersonPicker({ value, onChange, initial, institutionId, label, placeholder, error, required, disabled, testId }: PersonPickerProps) {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<PersonSummary | null>(value && initial ? initial : null);
  const query = useQuery({
    queryKey: ['beneficiaries', 'persons', 'picker', q, institutionId ?? null],
    queryFn: () => api.get(withQuery('/api/persons', { q: q || undefined, institution: institutionId, limit: 20 }), PersonPage),
    enabled: !disabled,
    staleTime: 30_000,
  });
  const items: (PersonSummary | PersonListItem)[] = query.data?.items ?? [];
  const all = [...(chosen && !items.some((i) => i.id === chosen.id) ? [chosen] : []), ...items];
  const options = all.map((p) => ({
    value: p.id,
    label: [personName(p, lang), p.birthDate ? p.birthDate.slice(0, p.birthDatePrecision === 'year' ? 4 : 10) : null, p.cnie].filter(Boolean).join(' · '),
  }));
  return (
    <Select
      label={label ?? t('persons.picker.label')}
      placeholder={placeholder ?? t('persons.picker.placeholder')}
      searchable
      clearable
      required={required}
      disabled={disabled}
      data={options}
      filter={serverFiltered}
      value={value}
      onChange={(id) => {
        const person = all.find((p) => p.id === id) ?? null;
        setChosen(person);
        onChange(id, person);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={query.isFetching ? undefined : t('persons.picker.none')}
      error={error}
      data-testid={testId ?? tid.picker}
    />
  );
}
