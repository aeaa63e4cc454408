/** Answer errors as messages by question id: from the shared engine (live) or from the server's problem. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../web/index.ts';
import type { AnswerError } from '../../engine.ts';

export function useAnswerErrors(): (errors: AnswerError[]) => Record<string, string> {
  const { t } = useTranslation('forms');
  return useCallback(
    (errors) => {
      const out: Record<string, string> = {};
      for (const e of errors) out[e.questionId] ??= t(`answer.${e.key}`, e.params ?? {});
      return out;
    },
    [t],
  );
}

/** The server's field errors `answers.<question id>`, already in the user's language. */
export function serverAnswerErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.problem?.errors ?? []) if (e.path.startsWith('answers.')) out[e.path.slice('answers.'.length)] ??= e.message;
  return out;
}
