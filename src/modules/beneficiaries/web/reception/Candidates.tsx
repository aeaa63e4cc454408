/**
 * Likely duplicates of the person being created (national look-up): one in the desk's scope can be
 * used instead; one held elsewhere is shown without personal data, with its holding delegation.
 */
import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, nameIn, ui } from '../../../../platform/web/index.ts';
import type { MatchCandidate } from '../../contract/matching.ts';
import { personName } from '../persons/names.ts';
import { tid } from './constants.ts';

interface Props {
  candidates: MatchCandidate[];
  acknowledged: boolean;
  onAcknowledge: (yes: boolean) => void;
  onUse: (candidate: MatchCandidate) => void;
}

export function Candidates({ candidates, acknowledged, onAcknowledge, onUse }: Props) {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  return (
    <Alert color={ui.orange} title={t('reception.candidatesTitle')} data-testid={tid.candidates}>
      <Stack gap={ui.sm}>
        <Text size={ui.sm}>{t('reception.candidatesHint')}</Text>
        {candidates.map((c) => (
          <Group key={c.personId} justify={ui.spaceBetween} wrap={ui.nowrap}>
            <div>
              <Text fw={500}>{c.person ? <bdi>{personName(c.person, lang)}</bdi> : t('reception.outOfScope')}</Text>
              <Text size={ui.xs} c={ui.dimmed}>
                {t('reception.heldBy', { delegation: nameIn(c.holder, lang), score: formatNumber(Math.round(c.score * 100), lang) })}
              </Text>
            </div>
            {c.inScope && (
              <Button size={ui.md} variant={ui.light} onClick={() => onUse(c)} data-testid={tid.useCandidate(c.personId)}>
                {t('reception.useThis')}
              </Button>
            )}
          </Group>
        ))}
        <Checkbox size={ui.md} label={t('reception.acknowledge')} checked={acknowledged} onChange={(e) => onAcknowledge(e.currentTarget.checked)} data-testid={tid.acknowledge} />
      </Stack>
    </Alert>
  );
}
