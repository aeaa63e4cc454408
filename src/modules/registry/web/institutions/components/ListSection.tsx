/**
 * A card holding one list of an institution (its rooms, its committee): title, an "add" button for
 * those who may write, the list or a sentence saying it is empty, then the add form when open.
 */
import type { ReactNode } from 'react';
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { ui } from '../../../../../platform/web/index.ts';

interface Props {
  title: string;
  addLabel: string;
  emptyText: string;
  isEmpty: boolean;
  /** Shown only when true (the user may write and is not already adding). */
  canAdd: boolean;
  onAdd: () => void;
  addTestId: string;
  /** The list itself, shown when it is not empty. */
  list: ReactNode;
  /** Under the list: the form that adds an item, when open. */
  children?: ReactNode;
}

export function ListSection({ title, addLabel, emptyText, isEmpty, canAdd, onAdd, addTestId, list, children }: Props) {
  return (
    <Card withBorder>
      <Group justify={ui.spaceBetween} mb={ui.sm}>
        <Title order={2} size={ui.h4}>
          {title}
        </Title>
        {canAdd && (
          <Button size={ui.xs} variant={ui.light} leftSection={<IconPlus size={14} aria-hidden />} onClick={onAdd} data-testid={addTestId}>
            {addLabel}
          </Button>
        )}
      </Group>
      {isEmpty ? <Text c={ui.dimmed}>{emptyText}</Text> : list}
      {children}
    </Card>
  );
}
