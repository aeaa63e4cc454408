/**
 * The reception form's draft, kept in localStorage until the request is sent: a cheap phone that
 * reloads the page, or a desk interrupted, loses nothing already typed.
 */
import { useEffect, useState } from 'react';
import { emptyPerson, type PersonDraft } from '../persons/PersonFields.tsx';
import { DRAFT_KEY } from './constants.ts';

export interface ReceptionDraft {
  step: number;
  mode: 'existing' | 'new';
  personId: string | null;
  personLabel: string;
  person: PersonDraft;
  acknowledge: boolean;
  channel: string;
  receptionPoint: string;
  requesterRelation: string;
  requesterName: string;
  requesterPhone: string;
  needs: string[];
  services: string[];
  urgency: string;
  summary: string;
  listeningNotes: string;
  consentGiven: boolean;
}

export const emptyDraft: ReceptionDraft = {
  step: 0,
  mode: 'existing',
  personId: null,
  personLabel: '',
  person: emptyPerson,
  acknowledge: false,
  channel: 'walk_in',
  receptionPoint: 'delegation_desk',
  requesterRelation: 'self',
  requesterName: '',
  requesterPhone: '',
  needs: [],
  services: [],
  urgency: 'normal',
  summary: '',
  listeningNotes: '',
  consentGiven: false,
};

function load(): ReceptionDraft {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    if (!raw) return emptyDraft;
    const saved = JSON.parse(raw) as Partial<ReceptionDraft>;
    return { ...emptyDraft, ...saved, person: { ...emptyPerson, ...(saved.person ?? {}) } };
  } catch {
    return emptyDraft;
  }
}

/** The draft and its setter; every change is written to localStorage; clear() forgets it. */
export function useDraft(): [ReceptionDraft, (next: ReceptionDraft) => void, () => void] {
  const [draft, setDraft] = useState<ReceptionDraft>(load);
  useEffect(() => {
    try {
      // The empty draft (a fresh form, or one just sent or discarded) leaves nothing behind.
      if (draft === emptyDraft) localStorage.removeItem(DRAFT_KEY);
      else localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    } catch {
      // storage full or disabled: the form still works, without a saved draft
    }
  }, [draft]);
  const clear = () => setDraft(emptyDraft);
  return [draft, setDraft, clear];
}

/** The draft as the intake's body. */
export function intakeBody(d: ReceptionDraft, personBody: (p: PersonDraft) => Record<string, unknown>) {
  return {
    ...(d.mode === 'existing' ? { personId: d.personId } : { person: { ...personBody(d.person), acknowledgeDuplicates: d.acknowledge } }),
    request: {
      channel: d.channel,
      receptionPoint: d.receptionPoint,
      requesterRelation: d.requesterRelation,
      requesterName: d.requesterName,
      requesterPhone: d.requesterPhone,
      needs: d.needs,
      services: d.services,
      urgency: d.urgency,
      summary: d.summary,
      listeningNotes: d.listeningNotes,
      consentGiven: d.consentGiven,
    },
  };
}
