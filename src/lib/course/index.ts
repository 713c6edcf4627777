// The course's steps: titles, notebooks, what each needs. Plain data, below everything that names a step.

export { CORE_STEPS, COURSE_STEPS, type CourseStep, coreCheckIds, courseStep } from "./course-steps.js";
