import type { Owner } from '../../lib/model/ownership';
import { hue, initials } from './format';

/** Initials in a tinted circle (a person) or rounded square (a team or queue). Decorative: the name is always beside it. */
export function Avatar({ name, kind, size = 'md' }: { name: string | null; kind?: Owner['kind']; size?: 'sm' | 'md' }) {
  return (
    <span
      class={`os-avatar os-avatar-${size}`}
      data-kind={name ? (kind ?? 'person') : 'none'}
      data-hue={name ? hue(name) : undefined}
      aria-hidden="true"
    >
      {name ? initials(name) : '?'}
    </span>
  );
}
