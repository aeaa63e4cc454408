/** The label of each document type in the inbox, declared by the module that owns the type. */
import type { AppKey } from '../../web/i18n/types.ts';

const labels = new Map<string, AppKey>();

export function defineApprovalTypeLabel(typeKey: string, labelKey: AppKey): void {
  labels.set(typeKey, labelKey);
}

export const approvalTypeLabels = (): [string, AppKey][] => [...labels.entries()];
export const approvalTypeLabel = (typeKey: string): AppKey | undefined => labels.get(typeKey);
