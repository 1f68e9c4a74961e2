// Saving a file the API streams (CSV exports) under a name.
import { api } from '/assets/crm/session.js';

export async function download(path, name) {
  const blob = await api.blob(path);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}
