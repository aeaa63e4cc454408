/**
 * A file question: files are uploaded to the documents service as documents of the response
 * ('form_response', so they are scoped like it) and the answer lists their ids. Removing a file
 * from the answer keeps the document (documents are never deleted).
 */
import { useState } from 'react';
import { ActionIcon, Anchor, FileInput, Group, Input, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Problem, pageOf } from '../../../contract/common.ts';
import { ApiError, api, ui, useCurrentUser, withQuery } from '../../../web/index.ts';
import type { AnswerValue, Question } from '../../contract.ts';
import { formsKey } from '../queries.ts';

const ResponseDocument = z.object({ id: z.string(), title: z.string(), currentVersion: z.number(), current: z.object({ originalName: z.string() }) });
const ResponseDocuments = pageOf(ResponseDocument);
export const RESPONSE_OWNER = 'form_response';

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

const useResponseDocuments = (responseId: string | undefined) =>
  useQuery({
    queryKey: [...formsKey, 'files', responseId],
    queryFn: () => api.get(withQuery('/api/documents', { ownerType: RESPONSE_OWNER, ownerId: responseId, limit: 200 }), ResponseDocuments),
    enabled: Boolean(responseId),
  });

export function FileAnswer({ question, value, onChange, error, responseId, label, description, readOnly }: Props) {
  const { t } = useTranslation('forms');
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const documents = useResponseDocuments(value.length > 0 || !readOnly ? responseId : undefined);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const byId = new Map((documents.data?.items ?? []).map((d) => [d.id, d]));

  const upload = async (file: File | null) => {
    if (!file || !responseId || !onChange) return;
    setUploading(true);
    setUploadError(null);
    try {
      const body = new FormData();
      body.set('ownerType', RESPONSE_OWNER);
      body.set('ownerId', responseId);
      body.set('category', 'evidence');
      body.set('title', file.name.slice(0, 200).trim() || label.slice(0, 200));
      body.set('file', file);
      const response = await fetch('/api/documents', { method: 'POST', body, credentials: 'same-origin', headers: { 'x-csrf-token': me.csrfToken, accept: 'application/json' } });
      const payload: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const problem = Problem.safeParse(payload);
        throw new ApiError(response.status, problem.success ? problem.data : null);
      }
      const created = ResponseDocument.parse(payload);
      await queryClient.invalidateQueries({ queryKey: [...formsKey, 'files', responseId] });
      onChange([...value, created.id]);
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : null;
      setUploadError(problem?.errors?.[0]?.message ?? problem?.detail ?? t('files.failed'));
    } finally {
      setUploading(false);
    }
  };

  const list =
    value.length === 0 ? (
      <Text size={ui.sm}>{t('files.none')}</Text>
    ) : (
      <Stack gap={4}>
        {value.map((id) => {
          const doc = byId.get(id);
          return (
            <Group key={id} gap={ui.xs} wrap={ui.nowrap}>
              <IconPaperclip size={14} aria-hidden />
              {doc ? (
                <Anchor href={`/api/documents/${doc.id}/versions/${doc.currentVersion}/content`} size={ui.sm}>
                  <bdi>{doc.current.originalName}</bdi>
                </Anchor>
              ) : (
                <Text size={ui.sm}>
                  <bdi>{id}</bdi>
                </Text>
              )}
              {!readOnly && onChange && (
                <ActionIcon variant={ui.subtle} size={ui.sm} aria-label={t('files.remove', { name: doc?.current.originalName ?? id })} onClick={() => onChange(value.filter((v) => v !== id))}>
                  <IconX size={14} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          );
        })}
      </Stack>
    );
  if (readOnly) return list;
  return (
    <Input.Wrapper label={label} description={description} error={error ?? uploadError} required={question.required}>
      <Stack gap={ui.xs} mt={4}>
        {list}
        {responseId ? (
          <FileInput
            aria-label={t('files.add', { label })}
            placeholder={t('files.add', { label })}
            leftSection={<IconPaperclip size={16} aria-hidden />}
            value={null}
            onChange={(f) => void upload(f)}
            disabled={uploading || value.length >= question.maxFiles}
            description={t('files.max', { max: question.maxFiles })}
          />
        ) : (
          <Text size={ui.sm} c={ui.gray7}>
            {t('files.onlyWhenFilling')}
          </Text>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
