/** Router links styled as Mantine anchors, buttons and nav links; directional icons mirrored in RTL. */
import type { ComponentPropsWithRef, ComponentType } from 'react';
import { Anchor, Button, NavLink, type AnchorProps, type ButtonProps, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { IconProps } from '../module.ts';
import { ui } from '../ui.ts';

function AnchorBase(props: AnchorProps & ComponentPropsWithRef<'a'>) {
  return <Anchor component={ui.a} {...props} />;
}
function ButtonBase(props: ButtonProps & ComponentPropsWithRef<'a'>) {
  return <Button component={ui.a} {...props} />;
}
function NavLinkBase(props: NavLinkProps & ComponentPropsWithRef<'a'>) {
  return <NavLink component={ui.a} {...props} />;
}

export const AnchorLink = createLink(AnchorBase);
export const ButtonLink = createLink(ButtonBase);
export const NavLinkLink = createLink(NavLinkBase);

/** An arrow or chevron that points "forward" in reading order: flipped when the page is right to left. */
export function DirIcon({ icon: Icon, size = 16 }: { icon: ComponentType<IconProps>; size?: number }) {
  return <Icon size={size} className="raaya-mirror-rtl" aria-hidden />;
}
