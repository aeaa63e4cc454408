/** The approval-state filter of the lists of approved documents (plans, budgets…), in the approvals catalog's words. */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { submissionStates, type SubmissionState } from '../../document-types.ts';

export interface SubmissionStateSelectProps {
  label: string;
  placeholder: string;
  value: string | null;
  onChange: (state: SubmissionState | null) => void;
  testId?: string;
}

export function SubmissionStateSelect({ label, placeholder, value, onChange, testId }: SubmissionStateSelectProps) {
  const { t } = useTranslation('approvals');
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={submissionStates.map((s) => ({ value: s, label: t(`states.${s}`) }))}
      value={value}
      onChange={(v) => onChange(v as SubmissionState | null)}
      clearable
      w={{ base: '100%', sm: 240 }}
      data-testid={testId}
    />
  );
}
