// Settings: the instance's name (Owners and Admins) and its brand — logo, colours, mail sender (the Owner).
import { ref, reactive } from 'vue';
import { api, can } from '/assets/crm/session.js';
import { brand, applyBrand } from '/assets/crm/brand.js';
import { formErrors } from '/assets/shared/forms.js';
import { toast } from '/assets/shared/toast.js';
import { CustomFields } from '/assets/crm/custom-fields.js';
import { customFieldsChanged } from '/assets/crm/custom-values.js';

const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const MAX_LOGO_BYTES = 200 * 1024;

const Settings = {
  components: { CustomFields },
  setup() {
    const settings = ref(null);
    const error = ref('');
    const name = ref('');
    const nameErrors = ref({});
    const form = reactive({ logo: null, primaryColor: '', accentColor: '', mailSenderName: '' });
    const errors = ref({});
    const saving = ref(false);
    async function load() {
      try {
        settings.value = await api.get('/api/settings');
        name.value = settings.value.name;
        const b = settings.value.branding || {};
        Object.assign(form, { logo: b.logo || null, primaryColor: b.primaryColor || '', accentColor: b.accentColor || '', mailSenderName: b.mailSenderName || '' });
      } catch (e) {
        error.value = e.message;
      }
    }
    async function saveName() {
      nameErrors.value = {};
      try {
        settings.value = await api.patch('/api/settings', { name: name.value });
        brand.name = settings.value.name;
        document.title = document.title.replace(/[^·]*$/, ' ' + brand.name);
        toast('The instance is now called ' + settings.value.name + '.');
      } catch (e) {
        nameErrors.value = formErrors(e);
      }
    }
    function pickLogo(event) {
      const file = event.target.files[0];
      errors.value = {};
      if (!file) {
        return;
      }
      if (!LOGO_TYPES.includes(file.type)) {
        errors.value = { logo: 'Choose a PNG, JPEG or WebP image.' };
        return;
      }
      if (file.size > MAX_LOGO_BYTES) {
        errors.value = { logo: 'Choose an image of at most 200 KB.' };
        return;
      }
      const reader = new FileReader();
      reader.onload = () => {
        form.logo = reader.result;
      };
      reader.readAsDataURL(file);
    }
    async function saveBrand() {
      errors.value = {};
      saving.value = true;
      try {
        const body = { logo: form.logo, primaryColor: form.primaryColor || null, accentColor: form.accentColor || null, mailSenderName: form.mailSenderName || null };
        settings.value = await api.put('/api/settings/branding', body);
        Object.assign(brand, await api.get('/api/branding'));
        applyBrand();
        toast('The brand is saved.');
      } catch (e) {
        errors.value = formErrors(e);
      } finally {
        saving.value = false;
      }
    }
    function useDefaults() {
      Object.assign(form, { logo: null, primaryColor: '', accentColor: '', mailSenderName: '' });
    }
    function fieldsSaved(saved) {
      settings.value = saved;
      customFieldsChanged();
    }
    load();
    const mayName = () => can('SETTINGS', 'EDIT');
    const mayBrand = () => can('BRANDING', 'EDIT');
    return { settings, error, name, nameErrors, form, errors, saving, saveName, pickLogo, saveBrand, useDefaults, mayName, mayBrand, fieldsSaved };
  },
  template: `<main><h1>Settings</h1>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="!settings && !error" role="status">Loading…</p>
    <template v-if="settings">
      <form class="panel" @submit.prevent="saveName" novalidate aria-labelledby="instance-heading">
        <h2 id="instance-heading">Instance</h2>
        <div v-if="nameErrors.form" class="notice error" role="alert">{{ nameErrors.form }}</div>
        <div class="row">
          <div class="field"><label for="instance-name">Name</label>
            <input id="instance-name" v-model="name" :readonly="!mayName()" maxlength="100" aria-describedby="instance-name-err">
            <span id="instance-name-err" class="error">{{ nameErrors.name }}</span></div>
          <div v-if="mayName()"><button>Save name</button></div>
        </div>
      </form>
      <form v-if="mayBrand()" class="panel" @submit.prevent="saveBrand" novalidate aria-labelledby="brand-heading">
        <h2 id="brand-heading">Brand</h2>
        <p class="hint">Your logo, colours and mail sender appear on every screen, on the sign-in page, in the page title and in the mails your team receives.</p>
        <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
        <div class="field"><label for="logo">Logo</label>
          <img v-if="form.logo" :src="form.logo" alt="Your logo" class="sign-in-logo">
          <input id="logo" type="file" accept="image/png,image/jpeg,image/webp" @change="pickLogo" aria-describedby="logo-hint logo-err">
          <span id="logo-hint" class="hint">PNG, JPEG or WebP, at most 200 KB.</span>
          <span id="logo-err" class="error">{{ errors.logo }}</span>
          <p v-if="form.logo"><button type="button" class="secondary" @click="form.logo = null">Remove the logo</button></p></div>
        <div class="row">
          <div class="field"><label for="primary">Primary colour</label>
            <span class="swatch"><input type="color" :value="form.primaryColor || '#1f5fbf'" @input="form.primaryColor = $event.target.value" aria-label="Pick the primary colour">
              <input id="primary" v-model="form.primaryColor" placeholder="#1f5fbf" maxlength="7" aria-describedby="primary-hint primary-err"></span>
            <span id="primary-hint" class="hint">Buttons and links; dark enough to read white text on.</span>
            <span id="primary-err" class="error">{{ errors.primaryColor }}</span></div>
          <div class="field"><label for="accent">Accent colour</label>
            <span class="swatch"><input type="color" :value="form.accentColor || '#1f5fbf'" @input="form.accentColor = $event.target.value" aria-label="Pick the accent colour">
              <input id="accent" v-model="form.accentColor" placeholder="none" maxlength="7" aria-describedby="accent-hint accent-err"></span>
            <span id="accent-hint" class="hint">The line under the top bar.</span>
            <span id="accent-err" class="error">{{ errors.accentColor }}</span></div>
          <div class="field"><label for="sender">Mail sender name</label>
            <input id="sender" v-model="form.mailSenderName" :placeholder="settings.name" maxlength="100" aria-describedby="sender-hint sender-err">
            <span id="sender-hint" class="hint">Who mails are from, e.g. “Acme Sales”.</span>
            <span id="sender-err" class="error">{{ errors.mailSenderName }}</span></div>
        </div>
        <p class="row"><button :disabled="saving">{{ saving ? 'Saving…' : 'Save the brand' }}</button>
          <button type="button" class="secondary" @click="useDefaults">Use LiteDesk's look</button></p>
      </form>
      <div v-else class="panel"><h2>Brand</h2><p class="hint">Only the Owner changes the logo, colours and mail sender.</p></div>
      <custom-fields :settings="settings" @saved="fieldsSaved"></custom-fields>
    </template></main>`,
};

export const routes = [
  { path: '/settings', component: Settings, meta: { auth: true } },
];

export const nav = { to: '/settings', label: 'Settings', resource: 'SETTINGS' };
