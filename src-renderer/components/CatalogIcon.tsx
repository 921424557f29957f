import {
  BadgeCheck,
  ClipboardList,
  CreditCard,
  FileText,
  HandCoins,
  HandHeart,
  Hourglass,
  IdCard,
  Inbox,
  Info,
  KeyRound,
  LayoutGrid,
  MapPin,
  Megaphone,
  PiggyBank,
  Printer,
  Receipt,
  RectangleEllipsis,
  ScanFace,
  ShieldOff,
  Star,
  UserPen,
  Wallet,
  type LucideIcon,
} from 'lucide-react';
import type { CatalogIcon as IconName } from '../../src-main/contract/index.js';

/** Every picture a catalog may name (the compiler checks this against the contract's list). */
const ICONS: Record<IconName, LucideIcon> = {
  'badge-check': BadgeCheck,
  'clipboard-list': ClipboardList,
  'credit-card': CreditCard,
  'file-text': FileText,
  'hand-coins': HandCoins,
  'hand-heart': HandHeart,
  hourglass: Hourglass,
  'id-card': IdCard,
  inbox: Inbox,
  info: Info,
  'key-round': KeyRound,
  'map-pin': MapPin,
  megaphone: Megaphone,
  'piggy-bank': PiggyBank,
  printer: Printer,
  receipt: Receipt,
  'rectangle-ellipsis': RectangleEllipsis,
  'scan-face': ScanFace,
  'shield-off': ShieldOff,
  star: Star,
  'user-pen': UserPen,
  wallet: Wallet,
};

/** A tile's picture: the service's own, else its category's, else a neutral grid. Decorative: the name says it all. */
export function CatalogIcon({ name, fallback, className }: { name: IconName | undefined; fallback?: IconName | undefined; className?: string }) {
  const Icon = (name && ICONS[name]) || (fallback && ICONS[fallback]) || LayoutGrid;
  return <Icon className={className} aria-hidden="true" focusable="false" strokeWidth={2} data-icon={name ?? fallback ?? 'default'} />;
}
