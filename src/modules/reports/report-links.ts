/** Addresses of the report in every format; base '' gives site-relative links. */
export function reportLinks(baseUrl: string, slug: string) {
  const page = `${baseUrl}/plans/${encodeURIComponent(slug)}`;
  return {
    html: `${page}/report`,
    markdown: `${page}/report.md`,
    docx: `${page}/report.docx`,
    pdf: `${page}/report.pdf`,
    json: `${baseUrl}/api/v1/plans/${encodeURIComponent(slug)}/report`,
    plan: page,
  };
}

/** A file name safe in a Content-Disposition header: "kr-2018-2020-self-assessment.docx", "kr-2018-2020-mid-term.docx". */
export function reportFilename(slug: string, extension: string, kind?: string): string {
  const name = kind ? kind.replace(/_/g, '-') : 'self-assessment';
  return `${slug.replace(/[^A-Za-z0-9._-]/g, '_')}-${name.replace(/[^A-Za-z0-9-]/g, '_')}.${extension}`;
}
