// Imported before the CMS, which otherwise starts itself as soon as its module runs, before the
// file formats are registered and without the generated configuration.
(window as unknown as { CMS_MANUAL_INIT: boolean }).CMS_MANUAL_INIT = true;
