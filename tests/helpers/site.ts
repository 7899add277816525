/** The origin the site was built for: SITE_URL, or the default of astro.config.mjs (the preview address). */
export const SITE = (process.env.SITE_URL || 'http://127.0.0.1:4321').replace(/\/$/, '');
