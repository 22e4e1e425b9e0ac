<?php

// The official plug-in's privilege constants, in its namespace.
namespace ZEGO;

const PrivilegeKeyLogin = 1;   // may log in to the room
const PrivilegeKeyPublish = 2; // may publish streams
const PrivilegeEnable = 1;
const PrivilegeDisable = 0;
