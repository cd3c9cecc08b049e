/**
 * @file mtrk/mtrk.h
 * mtrk — umbrella header: everything a host application uses.
 */
#ifndef MTRK_H
#define MTRK_H
#include "common.h"
#include "db.h"
#include "contact.h"
#include "campaign.h"
#include "event.h"
#include "tracking.h"
#include "simulate.h"
#include "bounce.h"
#include "reputation.h"
#include "webhook.h"
#include "apitoken.h"
#endif
