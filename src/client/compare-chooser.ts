/**
 * The chooser of two essays (CompareChooser.astro): instead of the index of
 * every pair, go straight to the chosen pair's page, the essay the forum
 * prints first on the left; two choices of the same expert are refused with
 * a reason, and the focus goes back to the second list.
 */
import { comparePath } from '../lib/registry';
import { inOrder } from '../lib/compare';

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-compare-chooser]')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const [a, b] = [form.elements.namedItem('a'), form.elements.namedItem('b')] as HTMLSelectElement[];
    const status = form.querySelector<HTMLElement>('[data-slot="status"]')!;
    if (a!.value === b!.value) {
      status.textContent = '请选两位不同的专家。';
      b!.focus();
      return;
    }
    status.textContent = '';
    const order = [...a!.options].map((o) => o.value);
    location.assign(form.dataset.base!.replace(/\/$/, '') + comparePath(...inOrder(a!.value, b!.value, order)));
  });
}
