// Doctor's report in the notebook.
export {
  DOCTOR_SECTIONS,
  type DoctorPart,
  groupChecks,
  renderCgroupControllers,
  renderDoctorChecks,
  renderDoctorReport,
  renderDoctorVerdict,
  renderFixes,
  renderSteps,
} from "./render-doctor.js";
export { type ShowDoctorOptions, showDoctor, showDoctorReport } from "./show-doctor.js";
