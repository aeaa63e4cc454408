/**
 * A file question: its answer is the list of ids of documents attached to the response (documents
 * service). Shows the attached documents; uploading needs the documents service (see README).
 */
import { Input, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ui } from '../../../web/index.ts';
import type { AnswerValue, Question } from '../../contract.ts';

interface Props {
  question: Extract<Question, { type: 'file' }>;
  value: string[];
  onChange?: (value: AnswerValue) => void;
  error?: string;
  responseId: string | undefined;
  label: string;
  description?: string;
  readOnly?: boolean;
}

export function FileAnswer({ question, value, error, label, description, readOnly }: Props) {
  const { t } = useTranslation('forms');
  const list =
    value.length === 0 ? (
      <Text size={ui.sm}>{t('files.none')}</Text>
    ) : (
      <List size={ui.sm}>
        {value.map((id) => (
          <List.Item key={id}>
            <bdi>{id}</bdi>
          </List.Item>
        ))}
      </List>
    );
  if (readOnly) return list;
  return (
    <Input.Wrapper label={label} description={description} error={error} required={question.required}>
      <Text size={ui.sm} c={ui.gray7}>
        {t('files.max', { max: question.maxFiles })}
      </Text>
      {list}
    </Input.Wrapper>
  );
}
