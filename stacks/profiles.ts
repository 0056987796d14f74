import { EnvironmentProfile, ProfileName } from "./environmentProfile";
import { devProfile } from "./dev/profile";
import { prodProfile } from "./prod/profile";
import { stagingProfile } from "./staging/profile";

export const PROFILES: Readonly<Record<ProfileName, EnvironmentProfile>> = {
    dev: devProfile,
    staging: stagingProfile,
    prod: prodProfile,
};
