/**
 * The "published" switch of one institution, with a confirmation: putting a page online or
 * taking it off is seen by the public within a minute, so it is never one stray click away.
 */
import { Button, Group, Modal, Switch, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, nameIn, ui } from '../../../platform/web/index.ts';
import { isOperating, type PublicationListItem } from '../contract.ts';
import { useSavePublication } from './queries.ts';
import { look, tid } from './constants.ts';

export function PublishSwitch({ item, disabled }: { item: PublicationListItem; disabled?: boolean }) {
  const { t, i18n } = useTranslation('directory');
  const [opened, { open, close }] = useDisclosure(false);
  const save = useSavePublication();
  const name = nameIn(item, i18n.language);
  const next = !item.published;
  // Publishing an institution that does not operate would be refused (409): the switch says so first.
  const blocked = next && !isOperating(item.status);
  return (
    <>
      <Switch
        checked={item.published}
        onChange={() => {
          save.reset();
          open();
        }}
        disabled={disabled || blocked}
        color={look.switchOn}
        aria-label={t('list.publishName', { name })}
        label={item.published ? t('list.published') : t('list.notPublished')}
        data-testid={tid.publishSwitch(item.institutionId)}
      />
      <Modal opened={opened} onClose={close} title={next ? t('confirm.publishTitle') : t('confirm.unpublishTitle')} closeButtonProps={{ 'aria-label': t('confirm.cancel') }} centered>
        <Text mb={ui.md}>{next ? t('confirm.publishText', { name }) : t('confirm.unpublishText', { name })}</Text>
        <ProblemAlert error={save.error} />
        <Group justify={ui.flexEnd} mt={ui.md}>
          <Button variant={ui.default} onClick={close}>
            {t('confirm.cancel')}
          </Button>
          <Button
            color={next ? undefined : ui.red}
            loading={save.isPending}
            onClick={() => save.mutate({ id: item.institutionId, body: { published: next } }, { onSuccess: close })}
            data-testid={tid.confirm}
          >
            {next ? t('confirm.publish') : t('confirm.unpublish')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
