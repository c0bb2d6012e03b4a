// The name of the check run shipgate writes: how a rerequest of our own check is told apart.
export const CHECK_NAME = "shipgate";
