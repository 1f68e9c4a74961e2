// The instance's brand, as its Owner set it: name, logo and colours, read before anyone signs in (the sign-in page
// shows them) and applied to every screen and to the page title.
import { reactive } from 'vue';

export const brand = reactive({ name: 'LiteDesk', logoUrl: null, primaryColor: null, accentColor: null });

/** Reads the brand and applies its colours; the product's own look when there is none or it cannot be read. */
export async function loadBrand() {
  try {
    const res = await fetch('/api/branding', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (res.ok) {
      Object.assign(brand, await res.json());
    }
  } catch (e) {
    // the product's own look
  }
  applyBrand();
}

// the lightest background links sit on in the dark theme (the current menu item's) and the text on its buttons
// (ui.css): a brand colour for the dark theme must read on both
const DARK_PANEL = '#23324a';
const DARK_BUTTON_TEXT = '#0d1420';

/** Sets the brand's colours as the page's: the primary colour for buttons and links, lightened for the dark theme. */
export function applyBrand() {
  const root = document.documentElement;
  setVariable(root, '--brand', brand.primaryColor);
  setVariable(root, '--brand-dark', brand.primaryColor ? forDarkTheme(brand.primaryColor) : null);
  setVariable(root, '--brand-accent', brand.accentColor);
  root.classList.toggle('branded', Boolean(brand.primaryColor));
  root.classList.toggle('accented', Boolean(brand.accentColor));
}

/** "Contacts · Acme Ltd" */
export function pageTitle(screen) {
  return screen ? screen + ' · ' + brand.name : brand.name;
}

/**
 * The brand colour mixed with white, in steps of 5 %, until it stands out at 4.5:1 from the dark theme's backgrounds and
 * its button text stands out from it just as much: the same hue, light enough to read on dark.
 */
export function forDarkTheme(hex) {
  const rgb = channels(hex);
  for (let white = 0; white <= 100; white += 5) {
    const mixed = rgb.map(c => Math.round(c + (255 - c) * white / 100));
    const l = luminance(mixed);
    if (ratio(l, luminance(channels(DARK_PANEL))) >= 4.5 && ratio(l, luminance(channels(DARK_BUTTON_TEXT))) >= 4.5) {
      return '#' + mixed.map(c => c.toString(16).padStart(2, '0')).join('');
    }
  }
  return '#ffffff';
}

function channels(hex) {
  const h = hex.replace('#', '');
  return [0, 2, 4].map(i => parseInt(h.slice(i, i + 2), 16));
}

/** WCAG 2 relative luminance. */
function luminance(rgb) {
  const [r, g, b] = rgb.map(c => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function ratio(a, b) {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

function setVariable(root, name, value) {
  if (value) {
    root.style.setProperty(name, value);
  } else {
    root.style.removeProperty(name);
  }
}
