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

/** Sets the brand's colours as the page's (the primary colour for buttons and links in the light theme). */
export function applyBrand() {
  const root = document.documentElement;
  setVariable(root, '--brand', brand.primaryColor);
  setVariable(root, '--brand-accent', brand.accentColor);
  root.classList.toggle('branded', Boolean(brand.primaryColor));
  root.classList.toggle('accented', Boolean(brand.accentColor));
}

/** "Contacts · Acme Ltd" */
export function pageTitle(screen) {
  return screen ? screen + ' · ' + brand.name : brand.name;
}

function setVariable(root, name, value) {
  if (value) {
    root.style.setProperty(name, value);
  } else {
    root.style.removeProperty(name);
  }
}
