// Issue 6's journey in a real Chromium, with axe-core on every page visited: the OGP point of contact
// starts the mid-term self-assessment of kr-2018-2020 as a draft and opens it for public comment; a
// citizen comments on a commitment; staff answer and finalise; the final page shows both.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { journey } from '../support/journey.ts';

const j = journey();
const { skip } = j;

const REPORT = '/plans/kr-2018-2020/reports/mid_term';
const COMMENT = 'Please publish how many citizens took part in the public diplomacy events.';
const RESPONSE = 'The participation figures will be added to the end-of-term self-assessment.';

test('a mid-term self-assessment goes from draft through public comment to final', { skip }, async () => {
  // The OGP point of contact starts the draft from the plan page and opens it for comment.
  const admin = await j.browser().newPage();
  await j.signIn(admin, 'admin');
  await j.visit(admin, '/plans/kr-2018-2020');
  await admin.getByRole('link', { name: 'Reports and public comment' }).click();
  await admin.waitForURL(/\/plans\/kr-2018-2020\/reports$/);
  await j.check(admin);
  await admin.getByRole('button', { name: 'Start the Mid-term self-assessment as a draft' }).click();
  await admin.waitForURL(new RegExp(`${REPORT}\\?notice=report_created$`));
  await j.check(admin);
  assert.ok(await admin.getByText('This is a draft').isVisible());
  await admin.getByRole('button', { name: 'Open for public comment (14 days)' }).click();
  await admin.waitForURL(/notice=report_opened/);
  await j.check(admin);
  assert.ok(await admin.getByText(/Anyone signed in may comment until/).isVisible());

  // A citizen comments on commitment 5-1; an empty comment is refused in place first.
  const citizen = await j.browser().newPage();
  await j.signIn(citizen, 'citizen');
  await j.visit(citizen, REPORT);
  await citizen.getByRole('button', { name: 'Publish the comment' }).click();
  await citizen.waitForSelector('.error-summary');
  await j.check(citizen);
  await citizen.selectOption('#section', { label: 'Commitment 5-1. Establishment of a Participatory Diplomacy System to Foster G2P Communication' });
  await citizen.fill('#body', COMMENT);
  await citizen.getByRole('button', { name: 'Publish the comment' }).click();
  await citizen.waitForURL(/notice=report_comment_posted/);
  await j.check(citizen);
  assert.ok(await citizen.getByText('Your comment has been published.').isVisible());

  // Staff answer the comment, then finalise.
  await j.visit(admin, REPORT);
  assert.ok(await admin.getByText('1 comment still awaits a response.').first().isVisible());
  await admin.getByLabel(/Answer comment #\d+/).fill(RESPONSE);
  await admin.getByRole('button', { name: 'Publish the response' }).click();
  await admin.waitForURL(/notice=report_response_posted/);
  await j.check(admin);
  await admin.getByRole('button', { name: 'Finalise the report' }).click();
  await admin.waitForURL(/notice=report_finalised/);
  await j.check(admin);
  await admin.close();

  // The final page shows the comment with its response; comments are closed.
  await j.visit(citizen, REPORT);
  assert.ok(await citizen.getByText(/^Finalised on/).isVisible());
  const comments = citizen.locator('#public-comments');
  assert.ok(await comments.getByText(COMMENT).isVisible());
  assert.ok(await comments.getByText(RESPONSE).isVisible());
  assert.ok(await comments.getByText(/On: Commitment 5-1\./).isVisible());
  assert.equal(await citizen.getByRole('button', { name: 'Publish the comment' }).count(), 0);
  await citizen.close();
});
