/**
 * The approval chain of an individual accompaniment plan (decision 0018): the institution that
 * holds the case drafts and submits (its director or social worker), the provincial delegation
 * approves. The workflow's levels are distinct scope levels, so the author is the institution;
 * a case still followed at the delegation gets its plan once admitted (the Jisr order).
 */
import { defineDocumentType } from '../../../../platform/approvals/document-types.ts';

export const casePlanSections = ['plan'] as const;

export const casePlanType = defineDocumentType({
  key: 'case_plan',
  sections: casePlanSections,
  chain: [
    { level: 'institution', roles: ['institution_director', 'social_worker'] },
    { level: 'delegation', roles: ['provincial_delegate'] },
  ],
});
