/**
 * The icons of the popup and the settings, as inline SVG: emoji and symbol characters render as
 * empty boxes on a system without a font that has them. Each is one stroked path on a 24-unit grid,
 * drawn in the text colour (currentColor) at the text size.
 */
const PATHS = {
  bell: 'M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 1.5h-15zM10 20.5a2 2 0 0 0 4 0',
  bellOff: 'M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 1.5h-15zM10 20.5a2 2 0 0 0 4 0M3 3l18 18',
  envelope: 'M3 6h18v12H3zM3.5 6.5 12 13l8.5-6.5',
  gear: 'M19 10.1 21.7 10.5 21.7 13.5 19 13.9 18.2 15.6 19.9 17.8 17.8 19.9 15.6 18.2 13.9 19 13.5 21.7 10.5 21.7 10.1 19 8.4 18.2 6.2 19.9 4.1 17.8 5.8 15.6 5 13.9 2.3 13.5 2.3 10.5 5 10.1 5.8 8.4 4.1 6.2 6.2 4.1 8.4 5.8 10.1 5 10.5 2.3 13.5 2.3 13.9 5 15.6 5.8 17.8 4.1 19.9 6.2 18.2 8.4zM15 12a3 3 0 1 1-6 0 3 3 0 1 1 6 0z',
  phone: 'M5 3.5h3.5L10 8 7.8 9.6a11.5 11.5 0 0 0 6.6 6.6L16 14l4.5 1.5V19a2 2 0 0 1-2 2A15.5 15.5 0 0 1 3 5.5a2 2 0 0 1 2-2z',
  backspace: 'M21 5H9l-6 7 6 7h12zM12 9l6 6M18 9l-6 6',
  close: 'M6 6l12 12M18 6 6 18',
  arrowUp: 'M12 19V5M5.5 11.5 12 5l6.5 6.5',
  arrowDown: 'M12 5v14M18.5 12.5 12 19l-6.5-6.5',
  /** ↙: a call that came in. */
  arrowDownLeft: 'M17 7 7 17M7 8v9h9',
  /** ↗: a call made. */
  arrowUpRight: 'M7 17 17 7M8 7h9v9',
} as const;

export type IconName = keyof typeof PATHS;

/**
 * An icon. Inside a control that carries the accessible name (aria-label) it is hidden from
 * assistive technology; standing alone it takes `label` and is an image with that name.
 */
export function Icon({ name, label }: { name: IconName; label?: string }) {
  const drawing = {
    class: 'icon',
    'data-icon': name,
    viewBox: '0 0 24 24',
    width: '1em',
    height: '1em',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
  } as const;
  return label === undefined ? (
    <svg {...drawing} aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  ) : (
    <svg {...drawing} role="img" aria-label={label}>
      <path d={PATHS[name]} />
    </svg>
  );
}
