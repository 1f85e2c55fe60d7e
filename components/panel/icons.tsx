// A handful of 16px line icons, inlined as paths: no icon font, no sprite request, a few hundred bytes.
// Always decorative (aria-hidden): the text next to an icon carries the meaning.

const CIRCLE = 'M1.5 8a6.5 6.5 0 1 0 13 0a6.5 6.5 0 1 0-13 0';

const PATHS = {
  check: 'M3.5 8.5l3 3 6-7',
  cross: 'M4.5 4.5l7 7M11.5 4.5l-7 7',
  question: `${CIRCLE}M6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.4M8 11.3v.2`,
  alert: 'M8 1.8l6.5 11.7h-13zM8 6.3v3.4M8 11.4v.2',
  stop: 'M5.3 1.5h5.4l3.8 3.8v5.4l-3.8 3.8H5.3l-3.8-3.8V5.3zM8 4.8v3.9M8 10.9v.2',
  info: `${CIRCLE}M8 7.2v4.3M8 4.8v.2`,
  clock: `${CIRCLE}M8 4.5V8l2.5 1.6`,
  ban: `${CIRCLE}M3.4 3.4l9.2 9.2`,
  chat: 'M2.5 3h11v7.5H8L4.8 13v-2.5H2.5z',
  ring: 'M3.5 8a4.5 4.5 0 1 0 9 0a4.5 4.5 0 1 0-9 0',
  right: 'M6 3.5L10.5 8 6 12.5',
  down: 'M3.5 6L8 10.5 12.5 6',
  settings: 'M2 4.5h7M12.5 4.5H14M2 11.5h1.5M7 11.5h7M9 4.5a1.75 1.75 0 1 0 3.5 0a1.75 1.75 0 1 0-3.5 0M3.5 11.5a1.75 1.75 0 1 0 3.5 0a1.75 1.75 0 1 0-3.5 0',
  sync: 'M13.5 8A5.5 5.5 0 1 1 11.9 4.1M13.5 1.8v3.5H10',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, class: cls }: { name: IconName; class?: string }) {
  return (
    <svg class={cls ? `os-icon ${cls}` : 'os-icon'} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
